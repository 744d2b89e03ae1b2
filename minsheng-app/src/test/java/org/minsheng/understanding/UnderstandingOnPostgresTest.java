package org.minsheng.understanding;

import org.minsheng.testsupport.OnPostgres;

@OnPostgres
class UnderstandingOnPostgresTest extends UnderstandingContract {
}
