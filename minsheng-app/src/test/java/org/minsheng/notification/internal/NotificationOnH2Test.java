package org.minsheng.notification.internal;

import org.minsheng.testsupport.OnH2;

@OnH2
class NotificationOnH2Test extends NotificationContract {
}
