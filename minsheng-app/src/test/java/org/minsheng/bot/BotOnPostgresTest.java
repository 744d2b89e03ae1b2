package org.minsheng.bot;

import org.minsheng.testsupport.OnPostgres;

@OnPostgres
class BotOnPostgresTest extends BotContract {
}
