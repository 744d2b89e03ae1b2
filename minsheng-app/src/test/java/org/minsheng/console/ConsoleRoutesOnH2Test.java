package org.minsheng.console;

import org.minsheng.testsupport.OnH2;

@OnH2
class ConsoleRoutesOnH2Test extends ConsoleRoutesContract {
}
