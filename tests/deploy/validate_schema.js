#!/usr/bin/env node
// Validates every object of a rendered overlay against the Kubernetes API
// schema, with the models of the kubernetes-models package (generated from
// Kubernetes' OpenAPI spec; types, required fields, enums, formats).
//
//   node validate_schema.js KUBECTL OVERLAY_DIR
//
// Before trusting a pass it checks that the validator rejects broken
// copies of the rendered Deployment and HorizontalPodAutoscaler.
// Exits 0 when valid, 77 when kubectl or the npm packages are missing,
// 1 otherwise.
"use strict";

const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

function skip(message) {
  console.log(`SKIP: ${message}`);
  process.exit(77);
}

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}

let yaml;
try {
  yaml = require("js-yaml");
  require("kubernetes-models/apps/v1/Deployment");
} catch (error) {
  fail(
    `npm packages missing in ${__dirname} (run scripts/setup.sh, which ` +
      `runs npm ci there): ${error.message}`,
  );
}

// modelFor returns the kubernetes-models class of apiVersion/kind, or null.
// The package lays them out as GROUP/VERSION/KIND, core ones as v1/KIND.
function modelFor(apiVersion, kind) {
  try {
    return require(`kubernetes-models/${apiVersion}/${kind}`)[kind];
  } catch (error) {
    return null;
  }
}

// problemsOf returns the schema violations of one object ([] when valid).
function problemsOf(object) {
  const Model = modelFor(object.apiVersion, object.kind);
  if (Model === null) {
    return [`no schema for ${object.apiVersion} ${object.kind}`];
  }
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [error.message];
  }
}

function main() {
  const [kubectl, overlay] = process.argv.slice(2);
  if (!kubectl || !overlay) {
    fail("usage: validate_schema.js KUBECTL OVERLAY_DIR");
  }
  if (!fs.existsSync(kubectl)) skip(`no kubectl at ${kubectl}`);
  const rendered = execFileSync(kubectl, ["kustomize", overlay], {
    encoding: "utf8",
  });
  const objects = yaml.loadAll(rendered).filter((o) => o !== null);
  if (objects.length === 0) fail(`${overlay} renders no object`);

  let failures = 0;
  for (const object of objects) {
    const name = `${object.kind}/${object.metadata && object.metadata.name}`;
    const problems = problemsOf(object);
    if (problems.length > 0) {
      failures++;
      console.error(`${name}: ${problems.join("; ")}`);
    } else {
      console.log(`valid: ${object.apiVersion} ${name}`);
    }
  }
  if (failures > 0) fail(`${failures} invalid object(s) in ${overlay}`);

  // The validator must catch real mistakes, or a pass means nothing: break
  // a copy of each kind the folder renders.
  const deployment = objects.find((o) => o.kind === "Deployment");
  const hpa = objects.find((o) => o.kind === "HorizontalPodAutoscaler");
  const job = objects.find((o) => o.kind === "Job");
  const broken = [];
  if (deployment) {
    broken.push(
      ["a container without a name", deployment, (d) => {
        delete d.spec.template.spec.containers[0].name;
      }],
      ["a probe port that is a word", deployment, (d) => {
        d.spec.template.spec.containers[0].readinessProbe.grpc.port = "grpc";
      }],
      ["an unknown capability action", deployment, (d) => {
        d.spec.template.spec.containers[0].securityContext.capabilities =
          "ALL";
      }],
    );
  }
  if (hpa) {
    broken.push(["maxReplicas as text", hpa, (h) => {
      h.spec.maxReplicas = "twelve";
    }]);
  }
  if (job) {
    broken.push(
      ["an image pull policy that is a number", job, (j) => {
        j.spec.template.spec.containers[0].imagePullPolicy = 3;
      }],
      ["completions as text", job, (j) => {
        j.spec.completions = "eight";
      }],
      ["a Job without a pod template", job, (j) => {
        delete j.spec.template;
      }],
    );
  }
  if (broken.length === 0) fail("no Deployment, HorizontalPodAutoscaler or Job");
  for (const [what, original, breakIt] of broken) {
    const copy = JSON.parse(JSON.stringify(original));
    breakIt(copy);
    if (problemsOf(copy).length === 0) {
      fail(`the validator accepted ${what}`);
    }
  }
  console.log(
    `OK: ${objects.length} objects of ${path.basename(overlay)} valid; ` +
      `${broken.length} broken copies rejected`,
  );
}

main();
