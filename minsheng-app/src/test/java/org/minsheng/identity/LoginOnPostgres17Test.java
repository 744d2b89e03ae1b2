package org.minsheng.identity;

import org.minsheng.testsupport.OnPostgres17;

@OnPostgres17
class LoginOnPostgres17Test extends LoginContract {
}
