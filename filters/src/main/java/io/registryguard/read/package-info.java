/**
 * The one reading: every request a policy rule could classify as non-public is read here, once, strictly, and
 * forwarded in the canonical form of exactly what was read. A lenient registry behind the guard then cannot see
 * a field, a value or an encoding the guard did not see. What cannot be read with certainty (a compressed body,
 * a charset other than UTF-8, a list of media types, invalid percent-encoding, a repeated field, a multipart
 * body with anything but plain named text parts) is refused with 400 and never treated as public.
 *
 * <p>{@link io.registryguard.read.StrictRequestReader} is the reactive adapter; the parsers
 * ({@code StrictContentType}, {@code UrlEncodedForm}, {@code MultipartForm}) are plain Java. The result,
 * {@link io.registryguard.read.ReadRequest}, travels on the exchange for every later filter.
 */
package io.registryguard.read;
