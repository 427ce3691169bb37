/**
 * Delivers exports into a Google Drive folder or shared drive: {@link
 * dev.schedex.destination.drive.GoogleDriveDestination}. No nulls across the API (absent is {@code
 * Optional}); values are immutable.
 */
package dev.schedex.destination.drive;
