package org.minsheng.knowledge.internal;

import org.minsheng.testsupport.OnH2;

@OnH2
class KnowledgeOnH2Test extends KnowledgeContract {
}
