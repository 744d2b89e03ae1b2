package org.minsheng.knowledge.internal;

import org.minsheng.testsupport.OnH2;

@OnH2
class LearningOnH2Test extends LearningContract {
}
