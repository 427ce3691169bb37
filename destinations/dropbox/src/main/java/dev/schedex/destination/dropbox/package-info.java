/**
 * A storage destination that delivers exports into a Dropbox folder with the official Dropbox SDK:
 * {@link dev.schedex.destination.dropbox.DropboxDestination}. No nulls across the API (absent is
 * {@link java.util.Optional}); values are immutable.
 */
package dev.schedex.destination.dropbox;
