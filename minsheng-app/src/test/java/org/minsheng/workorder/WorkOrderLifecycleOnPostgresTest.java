package org.minsheng.workorder;

import org.minsheng.testsupport.OnPostgres;

@OnPostgres
class WorkOrderLifecycleOnPostgresTest extends WorkOrderLifecycleContract {
}
