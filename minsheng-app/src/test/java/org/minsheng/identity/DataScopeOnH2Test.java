package org.minsheng.identity;

import org.minsheng.testsupport.OnH2;

@OnH2
class DataScopeOnH2Test extends DataScopeContract {
}
