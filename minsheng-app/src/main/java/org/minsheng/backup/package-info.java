/**
 * Backup and restore of everything the platform keeps: the database's tables (read in one snapshot,
 * restored into H2 or PostgreSQL alike) and the data folder's files (keys, attachments, recordings,
 * models), with a manifest of checksums. {@code java -jar minsheng.jar backup <dir>} asks a running
 * server through its control socket, or works on the stopped data itself; {@code restore <dir>}
 * fills an empty data folder and database and then verifies them. The running server also takes
 * scheduled backups and keeps the newest few.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backup")
package org.minsheng.backup;
