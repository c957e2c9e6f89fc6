/**
 * The reconcile path: {@link io.mmbot.chaos.reconcile.OrderViewChaos} perturbs the exchange's view
 * of open orders for RECONCILE_MISMATCH.
 */
package io.mmbot.chaos.reconcile;
