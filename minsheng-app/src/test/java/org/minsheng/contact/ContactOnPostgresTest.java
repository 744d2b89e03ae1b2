package org.minsheng.contact;

import org.minsheng.testsupport.OnPostgres;

@OnPostgres
class ContactOnPostgresTest extends ContactContract {
}
