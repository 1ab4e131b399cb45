#!/usr/bin/Rscript
# Reference values for ClassicalML's DeLong interval and paired DeLong test, from R's pROC (Debian r-cran-proc).
#
#     apt-get install --no-install-recommends r-cran-proc    (once; pulls in r-base-core)
#     Rscript tests/reference/make_delong_fixtures.R
#
# Writes tests/reference/comparison/delong_cases.json. Seeded (set.seed): running it twice writes the same file.
# The C# tests read the JSON and never need R.
#
# Every ROC is built with levels = c(0, 1) and direction = "<" (controls, label 0, score lower than cases, label 1),
# so pROC never flips a curve whose AUC is below 0.5: its default direction = "auto" would report max(AUC, 1 - AUC)
# and test the flipped curve, which ClassicalML never does (higher score = more positive, as in scikit-learn).
#   ci.auc(roc, conf.level = c, method = "delong")                              -> lower, auc, upper (NA: undefined)
#   roc.test(r1, r2, method = "delong", paired = TRUE, conf.level = c)          -> Z, p.value, conf.int
# Weighted cases (tests/reference/comparison/delong_weighted_cases.json): pROC takes no weights, so each case has
# integer weights and pROC is run on the rows repeated weight times (weight 0 drops the row); ClassicalML's weighted
# DeLong (weighted placements, frequency weights) must equal it.
# Numbers are written with 17 significant digits (exact doubles); NA and NaN as the string "nan".
suppressMessages(library(pROC))

num <- function(x) {
  if (length(x) == 0 || is.na(x)) return('"nan"')
  if (is.infinite(x)) return(if (x > 0) '"inf"' else '"-inf"')
  sprintf("%.17g", x)
}
vec <- function(x) paste0("[", paste(vapply(x, num, ""), collapse = ","), "]")
ints <- function(x) paste0("[", paste(as.integer(x), collapse = ","), "]")

curve <- function(labels, scores) roc(labels, scores, levels = c(0, 1), direction = "<", quiet = TRUE)

one_ci <- function(r, conf) {
  ci <- suppressWarnings(ci.auc(r, conf.level = conf, method = "delong"))
  sprintf('{"lower":%s,"auc":%s,"upper":%s}', num(ci[1]), num(as.numeric(auc(r))), num(ci[3]))
}

paired <- function(r1, r2, conf) {
  t <- tryCatch(suppressWarnings(roc.test(r1, r2, method = "delong", paired = TRUE, conf.level = conf)),
                error = function(e) e)
  if (inherits(t, "error")) {
    return(sprintf('{"error":"%s"}', gsub('"', "'", conditionMessage(t))))
  }
  sprintf('{"z":%s,"p_value":%s,"ci_low":%s,"ci_high":%s}',
          num(unname(t$statistic)), num(t$p.value), num(t$conf.int[1]), num(t$conf.int[2]))
}

case <- function(name, labels, a, b, conf = 0.95) {
  r1 <- curve(labels, a)
  r2 <- curve(labels, b)
  sprintf('{"name":"%s","confidence":%s,"labels":%s,"scores_a":%s,"scores_b":%s,"ci_a":%s,"ci_b":%s,"paired":%s}',
          name, num(conf), ints(labels), vec(a), vec(b), one_ci(r1, conf), one_ci(r2, conf), paired(r1, r2, conf))
}

set.seed(20261201)
cases <- character(0)

n <- 200
y <- rbinom(n, 1, 0.4)
a <- rnorm(n) + 1.0 * y
b <- 0.6 * a + 0.8 * rnorm(n) + 0.3 * y
cases <- c(cases, case("continuous, correlated models, n = 200", y, a, b))

n <- 150
y <- rbinom(n, 1, 0.3)
a <- round(rnorm(n) + 0.8 * y, 1)
b <- round(0.5 * a + rnorm(n) + 0.5 * y, 1)
cases <- c(cases, case("ties (one decimal), 90% confidence", y, a, b, conf = 0.90))

n <- 300
y <- rbinom(n, 1, 0.5)
a <- pmin(pmax(round(rnorm(n, 1 + y, 1)), 0), 3)
b <- as.numeric(rbinom(n, 1, 0.3 + 0.4 * y))
cases <- c(cases, case("heavy ties (4 and 2 distinct scores)", y, a, b))

n <- 40
y <- c(1, rep(0, n - 1))
a <- rnorm(n) + 0.5 * y
b <- rnorm(n)
cases <- c(cases, case("a single positive", y, a, b))

y <- c(rep(1, n - 1), 0)
a <- rnorm(n)
b <- rnorm(n)
cases <- c(cases, case("a single negative", y, a, b))

n <- 120
y <- rbinom(n, 1, 0.5)
a <- rnorm(n) + y
cases <- c(cases, case("identical models", y, a, a))

n <- 60
y <- rep(c(0, 1), n / 2)
a <- y + runif(n, 0, 0.9)
b <- rnorm(n) + y
cases <- c(cases, case("perfect separation in model A", y, a, b))

n <- 3000
y <- rbinom(n, 1, 0.2)
a <- rnorm(n) + 1.2 * y
b <- 0.7 * a + 0.7 * rnorm(n) + 0.2 * y
cases <- c(cases, case("n = 3000, 99% confidence", y, a, b, conf = 0.99))

n <- 500
y <- rbinom(n, 1, 0.5)
a <- rnorm(n) + 1.5 * y
b <- -a + 0.1 * rnorm(n)
cases <- c(cases, case("model B worse than chance (no flip)", y, a, b))

out <- file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "comparison",
                 "delong_cases.json")
dir.create(dirname(out), showWarnings = FALSE)
writeLines(c(sprintf('{"generator":"tests/reference/make_delong_fixtures.R","implementation":"pROC %s, %s (Debian)","cases":[',
                     as.character(packageVersion("pROC")), R.version.string),
             paste(cases, collapse = ",\n"), "]}"), out)

weighted_case <- function(name, labels, a, b, w, conf = 0.95) {
  rows <- rep(seq_along(labels), w)
  r1 <- curve(labels[rows], a[rows])
  r2 <- curve(labels[rows], b[rows])
  sprintf('{"name":"%s","confidence":%s,"labels":%s,"scores_a":%s,"scores_b":%s,"weights":%s,"ci_a":%s,"ci_b":%s,"paired":%s}',
          name, num(conf), ints(labels), vec(a), vec(b), ints(w), one_ci(r1, conf), one_ci(r2, conf), paired(r1, r2, conf))
}

set.seed(20261202)
weighted <- character(0)
n <- 150
y <- rbinom(n, 1, 0.4)
a <- rnorm(n) + 1.0 * y
b <- 0.6 * a + 0.8 * rnorm(n) + 0.3 * y
weighted <- c(weighted, weighted_case("continuous, weights 0 to 3", y, a, b, sample(0:3, n, replace = TRUE)))
n <- 120
y <- rbinom(n, 1, 0.3)
a <- round(rnorm(n) + 0.8 * y, 1)
b <- round(0.5 * a + rnorm(n) + 0.5 * y, 1)
weighted <- c(weighted, weighted_case("ties (one decimal), weights 1 to 5, 90% confidence", y, a, b, sample(1:5, n, replace = TRUE), conf = 0.90))
n <- 30
y <- c(1, 1, rep(0, n - 2))
a <- rnorm(n) + y
b <- rnorm(n)
weighted <- c(weighted, weighted_case("two positive rows, one of weight 3", y, a, b, c(3, 1, sample(1:2, n - 2, replace = TRUE))))
out_w <- file.path(dirname(out), "delong_weighted_cases.json")
writeLines(c(sprintf('{"generator":"tests/reference/make_delong_fixtures.R","implementation":"pROC %s, %s (Debian), on rows repeated weight times","cases":[',
                     as.character(packageVersion("pROC")), R.version.string),
             paste(weighted, collapse = ",\n"), "]}"), out_w)
