/**
 * The Google Drive destination's workings: its queries and how it classifies Drive's answers. Not
 * API: may change in any release. No nulls across the API (absent is {@code Optional}).
 */
package dev.schedex.destination.drive.internal;
