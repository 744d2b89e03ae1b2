package org.minsheng.knowledge.internal;

import org.minsheng.testsupport.OnPostgres;

@OnPostgres
class LearningOnPostgresTest extends LearningContract {
}
