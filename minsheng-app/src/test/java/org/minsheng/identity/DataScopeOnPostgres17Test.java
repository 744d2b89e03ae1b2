package org.minsheng.identity;

import org.minsheng.testsupport.OnPostgres17;

@OnPostgres17
class DataScopeOnPostgres17Test extends DataScopeContract {
}
