package org.minsheng.understanding;

import org.minsheng.testsupport.OnH2;

@OnH2
class UnderstandingOnH2Test extends UnderstandingContract {
}
