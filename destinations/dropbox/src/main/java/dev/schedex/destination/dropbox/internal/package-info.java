/**
 * How the Dropbox destination talks to Dropbox: the content hash, the authenticated client, the
 * uploads and the classification of the SDK's failures. Not API: may change in any release. No nulls
 * across the API (absent is {@link java.util.Optional}).
 */
package dev.schedex.destination.dropbox.internal;
