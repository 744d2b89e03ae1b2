package org.minsheng.identity;

import org.minsheng.testsupport.OnH2;

@OnH2
class LoginOnH2Test extends LoginContract {
}
