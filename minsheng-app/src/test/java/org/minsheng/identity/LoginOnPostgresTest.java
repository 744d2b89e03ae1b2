package org.minsheng.identity;

import org.minsheng.testsupport.OnPostgres;

@OnPostgres
class LoginOnPostgresTest extends LoginContract {
}
