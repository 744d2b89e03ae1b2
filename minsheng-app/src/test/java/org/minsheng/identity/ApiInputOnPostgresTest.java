package org.minsheng.identity;

import org.minsheng.testsupport.OnPostgres;

@OnPostgres
class ApiInputOnPostgresTest extends ApiInputContract {
}
