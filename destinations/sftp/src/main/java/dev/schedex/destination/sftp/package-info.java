/**
 * The SFTP {@link dev.schedex.spi.ExportDestination}: {@link dev.schedex.destination.sftp.SftpDestination}
 * writes exports to an SFTP server with Apache MINA sshd's client, verifying the server's host key.
 * No nulls across the API (absent is {@link java.util.Optional}); values are immutable.
 */
package dev.schedex.destination.sftp;
