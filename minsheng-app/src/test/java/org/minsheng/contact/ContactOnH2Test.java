package org.minsheng.contact;

import org.minsheng.testsupport.OnH2;

@OnH2
class ContactOnH2Test extends ContactContract {
}
