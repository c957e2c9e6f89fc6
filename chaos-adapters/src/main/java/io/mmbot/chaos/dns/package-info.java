/**
 * Host lookups: {@link io.mmbot.chaos.dns.HostResolver} with a {@code SYSTEM} default and a chaos
 * decorator for DNS_FLAP.
 */
package io.mmbot.chaos.dns;
