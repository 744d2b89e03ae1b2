package org.minsheng.citizen;

import org.minsheng.testsupport.OnPostgres;

@OnPostgres
class CitizenPrivacyOnPostgresTest extends CitizenPrivacyContract {
}
