package io.mmbot.chaos.junit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Decides whether a test may own {@code GlobalChaos}: only when no other test can run at the same
 * time as it, or when every other owner is kept out by the resource lock {@value
 * ChaosExtension#GLOBAL_CHAOS}. See {@link ChaosExtension} for the contract.
 */
final class GlobalChaosPolicy {

  static final String PARALLEL_ENABLED = "junit.jupiter.execution.parallel.enabled";

  private GlobalChaosPolicy() {}

  static boolean mayInstall(ExtensionContext context) {
    return !parallelEnabled(context) || holdsLock(context);
  }

  static boolean parallelEnabled(ExtensionContext context) {
    return context
        .getConfigurationParameter(PARALLEL_ENABLED)
        .map(v -> Boolean.parseBoolean(v.strip()))
        .orElse(false);
  }

  /** Whether the test, its class or an enclosing class holds the lock exclusively. */
  static boolean holdsLock(ExtensionContext context) {
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      Optional<AnnotatedElement> element = c.getElement();
      if (element.isPresent() && exclusive(element.get())) {
        return true;
      }
    }
    return false;
  }

  private static boolean exclusive(AnnotatedElement e) {
    if (AnnotationSupport.isAnnotated(e, Isolated.class)) {
      return true;
    }
    for (ResourceLock lock : AnnotationSupport.findRepeatableAnnotations(e, ResourceLock.class)) {
      if (ChaosExtension.GLOBAL_CHAOS.equals(lock.value())
          && lock.mode() == ResourceAccessMode.READ_WRITE) {
        return true;
      }
    }
    return false;
  }
}
