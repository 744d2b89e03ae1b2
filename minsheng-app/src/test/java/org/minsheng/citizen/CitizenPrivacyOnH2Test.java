package org.minsheng.citizen;

import org.minsheng.testsupport.OnH2;

@OnH2
class CitizenPrivacyOnH2Test extends CitizenPrivacyContract {
}
