/**
 * The starter's parts that are not for applications: the failure analyser, the REST endpoints'
 * JSON mapping and problem responses. No nulls across the API (absent is {@link java.util.Optional}).
 */
package dev.schedex.spring.internal;
