/**
 * Personal data protection: SM4-GCM encryption at rest with rotating keys, HMAC-SM3 blind indexes
 * for exact search, and display masks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package org.minsheng.privacy;
