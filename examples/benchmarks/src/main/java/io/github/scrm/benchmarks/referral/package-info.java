/** JMH benchmarks of referral attribution and screening, and of key-opinion-customer influence ranking. */
@NullMarked
package io.github.scrm.benchmarks.referral;

import org.jspecify.annotations.NullMarked;
