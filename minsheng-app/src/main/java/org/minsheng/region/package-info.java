/** Administrative divisions (行政区划): provinces down to streets and towns, by their official codes. */
@org.springframework.modulith.ApplicationModule(displayName = "Regions")
package org.minsheng.region;
