/**
 * The control endpoint: {@link io.mmbot.chaos.control.ChaosControlServer}. See {@code
 * docs/rollback.md} for the endpoints and the security model.
 */
package io.mmbot.chaos.control;
