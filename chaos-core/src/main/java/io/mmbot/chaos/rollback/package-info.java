/**
 * The machinery behind {@link io.mmbot.chaos.RollbackGuard}: the tick window and its histogram, the
 * measured baseline, the trigger evaluation, the guard's listener and log lines. Not an API: the
 * module does not export this package, and users build and call the guard through {@code
 * RollbackGuard} alone. What the machinery may ask of the injector is the {@link
 * io.mmbot.chaos.rollback.GuardedInjector} interface; beyond it, it uses only the public types of
 * {@code io.mmbot.chaos}.
 */
package io.mmbot.chaos.rollback;
