/**
 * The S3 destination's workings: the upload calls and the classification of failures. Not for
 * hosts; may change in any release. No nulls across the API (absent is {@link java.util.Optional}).
 */
package dev.schedex.destination.s3.internal;
