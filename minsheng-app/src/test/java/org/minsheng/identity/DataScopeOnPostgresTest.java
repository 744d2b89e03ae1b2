package org.minsheng.identity;

import org.minsheng.testsupport.OnPostgres;

@OnPostgres
class DataScopeOnPostgresTest extends DataScopeContract {
}
