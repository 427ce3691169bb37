/**
 * The SFTP destination's workings (host key checks, key loading, failure classification, remote
 * paths); not API, may change in any release. No nulls across the API (absent is {@link
 * java.util.Optional}).
 */
package dev.schedex.destination.sftp.internal;
