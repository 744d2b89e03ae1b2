package org.minsheng.console;

import org.minsheng.testsupport.OnPostgres;

@OnPostgres
class ConsoleRoutesOnPostgresTest extends ConsoleRoutesContract {
}
