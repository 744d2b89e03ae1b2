package org.minsheng.workorder.internal;

import org.minsheng.testsupport.OnH2;

@OnH2
class WorkOrderRulesOnH2Test extends WorkOrderRulesContract {
}
