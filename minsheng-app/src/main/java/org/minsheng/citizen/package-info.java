/**
 * Citizens (callers): phone numbers, name, ID number and addresses. Phone, ID number and name are
 * stored SM4-encrypted with blind indexes; they are shown masked unless the actor may unmask, and
 * each unmask is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Citizens")
package org.minsheng.citizen;
