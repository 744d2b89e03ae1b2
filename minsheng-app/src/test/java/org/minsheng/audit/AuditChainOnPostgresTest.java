package org.minsheng.audit;

import org.minsheng.testsupport.OnPostgres;

@OnPostgres
class AuditChainOnPostgresTest extends AuditChainContract {
}
