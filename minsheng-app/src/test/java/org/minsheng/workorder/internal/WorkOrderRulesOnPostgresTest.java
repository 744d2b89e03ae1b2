package org.minsheng.workorder.internal;

import org.minsheng.testsupport.OnPostgres;

@OnPostgres
class WorkOrderRulesOnPostgresTest extends WorkOrderRulesContract {
}
