package org.minsheng.citizen;

import org.minsheng.testsupport.OnPostgres17;

@OnPostgres17
class CitizenPrivacyOnPostgres17Test extends CitizenPrivacyContract {
}
