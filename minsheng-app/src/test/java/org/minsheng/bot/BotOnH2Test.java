package org.minsheng.bot;

import org.minsheng.testsupport.OnH2;

@OnH2
class BotOnH2Test extends BotContract {
}
