package org.minsheng.workorder;

import org.minsheng.testsupport.OnH2;

@OnH2
class WorkOrderLifecycleOnH2Test extends WorkOrderLifecycleContract {
}
