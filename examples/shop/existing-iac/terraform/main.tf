# The shop before plinth: a small Terraform configuration to try `plinth inspect` on (no init needed).
variable "env" {
  type    = string
  default = "dev"
}

provider "aws" {
  region = "eu-west-1"
}

locals {
  buckets = toset(["assets", "logs"])
}

# plinth:ignore PLINTH-AWS-004 reason="the log bucket does not log itself" expires=2030-01-01
resource "aws_s3_bucket" "this" {
  for_each = local.buckets
  bucket   = "shop-${var.env}-${each.key}"
}

resource "aws_s3_bucket_versioning" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id
  versioning_configuration {
    status = var.env == "prod" ? "Enabled" : "Suspended"
  }
}

data "aws_ami" "linux" {
  most_recent = true
  owners      = ["amazon"]
}

resource "aws_instance" "web" {
  count         = var.env == "prod" ? 2 : 1
  ami           = data.aws_ami.linux.id
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = "required"
  }
}
