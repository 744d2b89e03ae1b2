package org.minsheng.identity;

import org.minsheng.testsupport.OnH2;

@OnH2
class ApiInputOnH2Test extends ApiInputContract {
}
