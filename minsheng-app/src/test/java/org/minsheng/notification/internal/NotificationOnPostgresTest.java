package org.minsheng.notification.internal;

import org.minsheng.testsupport.OnPostgres;

@OnPostgres
class NotificationOnPostgresTest extends NotificationContract {
}
