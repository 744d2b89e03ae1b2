/**
 * The contact center (接听): the call engine of {@code minsheng-sip} wired to the center: agents' SIP
 * accounts and states, the IVR flows and ACD queues of the call plan, call detail records, queue
 * events and agent state history, and the live figures of the wallboard.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contact center")
package org.minsheng.contact;
