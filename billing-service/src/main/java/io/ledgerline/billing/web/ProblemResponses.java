package io.ledgerline.billing.web;

import io.ledgerline.websecurity.edge.CommonProblems;

import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every refusal leaves as the shared problem body with a code from the contracts' enums. */
@RestControllerAdvice
class ProblemResponses extends CommonProblems {}
