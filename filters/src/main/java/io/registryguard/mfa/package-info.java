/**
 * The second factor, owned by the gateway: TOTP (RFC 6238) with single use per time step, recovery
 * codes stored as hashes, secrets sealed at rest with AES-256-GCM under a rotating {@link
 * io.registryguard.mfa.FactorKeyRing}, and a QR code rendered as inline SVG. Plain Java and Reactor;
 * {@link io.registryguard.mfa.SecondFactorService} is the entry point, {@link
 * io.registryguard.mfa.FactorStore} the storage seam.
 */
package io.registryguard.mfa;
